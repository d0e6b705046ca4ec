import { describe, expect, it } from 'vitest';
import { clickHouseOptionsFromUrl } from './clickHouseOptionsFromUrl.js';

describe('clickHouseOptionsFromUrl', () => {
  it('takes the origin alone when the URL holds nothing else', () => {
    expect(clickHouseOptionsFromUrl('http://127.0.0.1:8123')).toEqual({ url: 'http://127.0.0.1:8123' });
    expect(clickHouseOptionsFromUrl('https://ch.internal/')).toEqual({ url: 'https://ch.internal' });
  });

  it('moves credentials and the database out of the URL, decoded', () => {
    expect(clickHouseOptionsFromUrl('https://rum%40web:p%2Fss@ch.internal:8443/web_rum')).toEqual({
      url: 'https://ch.internal:8443',
      username: 'rum@web',
      password: 'p/ss',
      database: 'web_rum',
    });
  });

  it.each([
    ['127.0.0.1:8123', /not a URL/],
    ['tcp://ch.internal:9000', /http: or https:/],
    ['http://ch.internal/a/b', /one database/],
  ])('refuses %s', (text, message) => {
    expect(() => clickHouseOptionsFromUrl(text)).toThrow(message);
  });
});
