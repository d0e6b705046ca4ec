import { createRum } from '@pronto/rum';
import { RumProvider, useRum } from '@pronto/rum/react';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const rum = createRum({ appVersion: 'e2e-spa' });
window.rum = rum;

function Item() {
  const client = useRum();
  useEffect(() => client.track('item-view', 1), [client]);
  return <h2 id="item">Item 42: a heading big enough to be the largest paint after the navigation</h2>;
}

function App() {
  const [path, setPath] = useState(location.pathname);
  const go = (to: string) => {
    history.pushState(null, '', to);
    setPath(to);
  };
  return (
    <RumProvider rum={rum} route={path}>
      <a
        id="to-item"
        href="/spa/items/42"
        onClick={(e) => {
          e.preventDefault();
          go('/spa/items/42');
        }}
      >
        Item 42
      </a>
      {path.includes('/items/') ? <Item /> : <h1>Home</h1>}
    </RumProvider>
  );
}

createRoot(document.querySelector('#root')!).render(<App />);
