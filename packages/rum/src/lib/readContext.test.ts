import { afterEach, describe, expect, it, vi } from 'vitest';
import { readContext } from './readContext.js';

const ua = {
  iPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1',
  pixel: 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36',
  galaxyTab: 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/18.0 Safari/605.1.15',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

const context = (userAgent: string, extra: object = {}) => {
  vi.stubGlobal('navigator', { userAgent, maxTouchPoints: 0, ...extra });
  return readContext('/r', '1.0');
};

describe('readContext', () => {
  it('tells phones, tablets (iPadOS says Mac but has touch) and desktops apart', () => {
    expect(context(ua.iPhone).deviceClass).toBe('mobile');
    expect(context(ua.pixel).deviceClass).toBe('mobile');
    expect(context(ua.galaxyTab).deviceClass).toBe('tablet');
    expect(context(ua.mac, { maxTouchPoints: 5 }).deviceClass).toBe('tablet');
    expect(context(ua.mac).deviceClass).toBe('desktop');
    expect(context(ua.windows).deviceClass).toBe('desktop');
  });

  it('reads network and memory hints where the browser has them', () => {
    expect(context(ua.pixel, { connection: { effectiveType: '3g', saveData: true }, deviceMemory: 4 })).toEqual({
      route: '/r',
      appVersion: '1.0',
      deviceClass: 'mobile',
      effectiveType: '3g',
      deviceMemory: 4,
      saveData: true,
    });
    const bare = JSON.parse(JSON.stringify(context(ua.mac)));
    expect(bare).toEqual({ route: '/r', appVersion: '1.0', deviceClass: 'desktop', deviceMemory: null });
  });
});
