import { useEffect } from 'react';

/** Sets the browser tab title to "<page> · Tegal Smart City" while the page is shown. */
export function useDocumentTitle(page: string | undefined): void {
  useEffect(() => {
    document.title = page ? `${page} · Tegal Smart City` : 'Tegal Smart City — Pemerintah Kabupaten Tegal';
  }, [page]);
}
