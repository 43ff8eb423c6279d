/**
 * Browser code for PhotoViewer.astro. A photo's link opens the modal dialog instead of the
 * bare image file: the rest of the page becomes inert, Tab stays on the dialog's controls, Esc
 * (the dialog's own cancel) or the close button or a click beside the photo closes it, and
 * focus goes back to the photo that opened it.
 */
export function initPhotoViewer() {
  const dialog = document.querySelector<HTMLDialogElement>('[data-photo-viewer]');
  if (!dialog || typeof dialog.showModal !== 'function') return;
  const image = dialog.querySelector<HTMLImageElement>('[data-photo-image]')!;
  const caption = dialog.querySelector<HTMLElement>('[data-photo-caption]')!;
  const close = dialog.querySelector<HTMLButtonElement>('[data-photo-close]')!;
  let opener: HTMLElement | undefined;

  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-photo-open]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const shown = link.querySelector('img');
      image.src = link.href;
      image.alt = shown?.alt ?? '';
      if (link.dataset.width) image.width = Number(link.dataset.width);
      if (link.dataset.height) image.height = Number(link.dataset.height);
      caption.replaceChildren(
        ...[...(link.closest('figure')?.querySelector('figcaption')?.childNodes ?? [])].map((n) =>
          n.cloneNode(true),
        ),
      );
      opener = link;
      dialog.showModal();
      close.focus();
    });
  }
  close.addEventListener('click', () => dialog.close());
  // A click on the dialog itself, not its photo or caption, is a click on the dark margin.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  // The close button is the dialog's one control: Tab and Shift+Tab stay on it rather than
  // leaving for the browser's own interface.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    event.preventDefault();
    close.focus();
  });
  dialog.addEventListener('close', () => {
    image.removeAttribute('src');
    opener?.focus();
    opener = undefined;
  });
}
