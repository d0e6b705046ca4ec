// @vitest-environment jsdom
import { render, renderHook } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RumProvider } from './RumProvider.js';
import type { Rum } from './types.js';
import { useRum } from './useRum.js';

const fakeRum = (): Rum => ({
  pageViewId: 'pv-test-1',
  sampled: true,
  track: vi.fn<Rum['track']>(),
  flush: vi.fn<Rum['flush']>(() => Promise.resolve()),
  setConsent: vi.fn<Rum['setConsent']>(),
  setRoute: vi.fn<Rum['setRoute']>(),
  stop: vi.fn<Rum['stop']>(),
});

function Checkout() {
  const rum = useRum();
  rum.track('checkout-rendered', 1);
  return <p>checkout</p>;
}

function Page({ name }: { name: string }) {
  const client = useRum();
  useEffect(() => client.track(name, 1), [client, name]);
  return null;
}

describe('RumProvider / useRum', () => {
  it('gives components the client', () => {
    const rum = fakeRum();
    const view = render(
      <RumProvider rum={rum}>
        <Checkout />
      </RumProvider>,
    );
    expect(view.getByText('checkout')).toBeTruthy();
    expect(rum.track).toHaveBeenCalledWith('checkout-rendered', 1);
  });

  it('reports each route change as a soft navigation, once', () => {
    const rum = fakeRum();
    const view = render(<RumProvider rum={rum} route="/items/1" />);
    view.rerender(<RumProvider rum={rum} route="/items/1" />);
    view.rerender(<RumProvider rum={rum} route="/cart" />);
    expect(vi.mocked(rum.setRoute).mock.calls).toEqual([['/items/1'], ['/cart']]);
  });

  it('sets the new route before the new page tracks anything in its effects', () => {
    const log: string[] = [];
    const rum = {
      ...fakeRum(),
      setRoute: (r: string | URL) => void log.push(`route ${String(r)}`),
      track: (n: string) => void log.push(`track ${n}`),
    };
    const view = render(
      <RumProvider rum={rum} route="/a">
        <Page name="a-view" />
      </RumProvider>,
    );
    view.rerender(
      <RumProvider rum={rum} route="/b">
        <Page name="b-view" />
      </RumProvider>,
    );
    expect(log).toEqual(['route /a', 'track a-view', 'route /b', 'track b-view']);
  });

  it('explains a missing provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useRum())).toThrow(/inside <RumProvider>/);
  });
});
