/**
 * Hands a file to the browser's downloads, under `name`. The object URL lives only until the click has
 * been handled: the figures do not stay reachable in the page afterwards.
 */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
