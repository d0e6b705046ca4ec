import { renderToString } from 'react-dom/server';
import { App } from './App.js';

/** Server-renders one test page; the fixture writes it into `ssr-<scenario>.html`. */
export function render(scenario: string): string {
  return renderToString(<App scenario={scenario} />);
}
