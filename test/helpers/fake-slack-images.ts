/** One download of an `image_url`, as the fake Slack made it while checking a message. */
export interface RecordedImageFetch {
  url: string;
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

interface ImageBlock {
  type: 'image';
  image_url?: unknown;
  slack_file?: { id?: unknown; url?: unknown };
  alt_text?: unknown;
  title?: { text?: unknown };
}

const IMAGE_SIGNATURES = [
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), // PNG
  Buffer.from([0xff, 0xd8, 0xff]), // JPEG
  Buffer.from('GIF8', 'ascii'),
];

/**
 * What Slack checks of a message's image blocks before it takes the message, in Slack's words
 * (`invalid_blocks` with one entry per problem): exactly one of `image_url` and `slack_file`, an
 * alt text of 1–2000 characters, a title and URL within their limits, and, like Slack, the image
 * at `image_url` downloaded there and then (HTTP 200, an image type, PNG/JPEG/GIF bytes); a
 * `slack_file` must name a file that was uploaded and completed. Returns the problems found.
 */
export async function checkImageBlocks(
  blocks: unknown,
  knownFileIds: (id: string) => boolean,
  fetches: RecordedImageFetch[],
): Promise<string[]> {
  if (!Array.isArray(blocks)) return [];
  const problems: string[] = [];
  for (const [index, block] of blocks.entries()) {
    if ((block as { type?: unknown })?.type !== 'image') continue;
    const image = block as ImageBlock;
    const at = (field: string) => `[json-pointer:/blocks/${index}/${field}]`;
    const altText = image.alt_text;
    if (typeof altText !== 'string' || altText.length === 0 || altText.length > 2000) {
      problems.push(`must be between 1 and 2000 characters ${at('alt_text')}`);
    }
    if (image.title !== undefined && String(image.title.text ?? '').length > 2000) {
      problems.push(`must be at most 2000 characters ${at('title/text')}`);
    }
    if ((image.image_url === undefined) === (image.slack_file === undefined)) {
      problems.push(`must provide exactly one of image_url or slack_file ${at('image_url')}`);
      continue;
    }
    if (image.slack_file !== undefined) {
      const id = image.slack_file.id;
      if (typeof id !== 'string' || !knownFileIds(id))
        problems.push(`invalid slack file ${at('slack_file')}`);
      continue;
    }
    const url = image.image_url;
    if (typeof url !== 'string' || url.length > 3000 || !/^https?:\/\//.test(url)) {
      problems.push(`invalid_url ${at('image_url')}`);
      continue;
    }
    if (!(await downloadsAsImage(url, fetches))) problems.push(`downloading image failed ${at('image_url')}`);
  }
  return problems;
}

async function downloadsAsImage(url: string, fetches: RecordedImageFetch[]): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? undefined;
    fetches.push({ url, status: response.status, contentType, body });
    return (
      response.status === 200 &&
      /^image\/(png|jpeg|gif)$/.test(contentType ?? '') &&
      IMAGE_SIGNATURES.some((signature) => body.subarray(0, signature.length).equals(signature))
    );
  } catch {
    fetches.push({ url, status: 0, contentType: undefined, body: Buffer.alloc(0) });
    return false;
  }
}
