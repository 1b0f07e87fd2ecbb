// A browser script for the Teams card tests (added to a playground page): renders a card with the
// playground's renderer and reports every piece of text a reader could not read in full.

/**
 * Renders `cardJson` with the playground's teams-card.js, alone on the page, in a card `width` px
 * wide inside the Teams pane's own classes (so teams.css applies as in the pane); returns the card.
 */
window.renderTeamsCardAt = async (cardJson, width) => {
  const { renderTeamsCard } = await import('/playground/teams-card.js');
  const pane = document.createElement('div');
  pane.className = 'teams-body';
  const host = document.createElement('div');
  host.className = 'teams-card';
  host.style.width = `${width}px`;
  host.append(renderTeamsCard(cardJson, () => {}));
  pane.append(host);
  document.body.replaceChildren(pane);
  return host;
};

/**
 * What `root` shows cut or garbled, one line each: a box whose text is wider than the box (an
 * ellipsis, or clipped), a word (a run of letters and digits) split over two lines, and text
 * that overlaps other text. Also how many text nodes were looked at, and the lines a reader sees
 * (`innerText`, blank lines left out).
 */
window.findUnreadableText = (root) => {
  const problems = [];
  const texts = textNodesOf(root);
  for (const box of root.querySelectorAll('*')) {
    const style = getComputedStyle(box);
    if (style.display === 'inline' || style.display === 'none' || !box.textContent.trim()) continue;
    if (box.scrollWidth > box.clientWidth) {
      const how = style.textOverflow === 'ellipsis' ? 'cut with …' : 'wider than its box';
      problems.push(`${how} (${box.scrollWidth} > ${box.clientWidth} px): "${box.textContent.trim()}"`);
    }
  }
  const lines = [];
  for (const node of texts) {
    for (const word of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
      const tops = new Set(
        [...rectsOf(node, word.index, word.index + word[0].length)].map((r) => Math.round(r.top)),
      );
      if (tops.size > 1) problems.push(`word split over lines: "${word[0]}" in "${node.data.trim()}"`);
    }
    for (const rect of rectsOf(node, 0, node.data.length)) lines.push({ node, rect });
  }
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [a, b] = [lines[i], lines[j]];
      if (a.node !== b.node && overlap(a.rect, b.rect)) {
        problems.push(`text overlaps: "${a.node.data.trim()}" and "${b.node.data.trim()}"`);
      }
    }
  }
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines, as a reader sees them, are the point
  const shown = root.innerText.split('\n').map((line) => line.trim());
  return { problems, textCount: texts.length, lines: shown.filter((line) => line.length > 0) };
};

function textNodesOf(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) if (walker.currentNode.data.trim()) nodes.push(walker.currentNode);
  return nodes;
}

function rectsOf(node, start, end) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
}

/** More than a pixel of overlap both ways (lines that merely touch do not count). */
function overlap(a, b) {
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
  );
}
