/**
 * An `AbortController` that is also aborted, with the same reason, when `parent` is (at once if it
 * already is): what `AbortSignal.any([parent, controller.signal])` gives, without a third signal
 * and the weak references `AbortSignal.any` keeps (it cost more than the rest of a request's
 * bookkeeping). `unlink` stops listening to `parent`; call it once the work is over.
 */
export function linkAbort(parent: AbortSignal | undefined): {
  controller: AbortController;
  unlink: () => void;
} {
  const controller = new AbortController();
  if (parent === undefined) return { controller, unlink: noop };
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, unlink: noop };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { controller, unlink: () => parent.removeEventListener('abort', onAbort) };
}

function noop(): void {}
