/** Placeholder with the page's own geometry, so the content replaces it without moving anything. */
export function PageSkeleton() {
  return (
    <section className="page" aria-busy="true" aria-label="Loading">
      <div className="skeleton skeleton-title" />
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="skeleton skeleton-row" />
      ))}
    </section>
  );
}
