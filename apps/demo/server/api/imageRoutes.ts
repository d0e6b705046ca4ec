import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  IMAGE_CONTENT_TYPES,
  IMAGE_FORMATS,
  IMAGE_WIDTHS,
  type ImageFormat,
  type ImageStore,
  type ImageWidth,
} from '../catalog/createImageStore.js';
import { HttpError } from '../http/HttpError.js';
import { etagMatches } from '../http/sendJson.js';
import { IMMUTABLE } from '../static/cacheControlFor.js';
import { requireItem } from './itemRoutes.js';

/** Width served when `w` is absent. @default 320 */
export const DEFAULT_IMAGE_WIDTH: ImageWidth = 320;

/** `GET /api/images/:id?w=<width>&format=<avif|webp|jpeg>`; without `format`, the best one the Accept header allows. */
export async function getImage(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  idSegment: string,
  images: ImageStore,
): Promise<void> {
  const item = requireItem(idSegment);
  const rawWidth = url.searchParams.get('w');
  const width = rawWidth === null ? DEFAULT_IMAGE_WIDTH : IMAGE_WIDTHS.find((allowed) => String(allowed) === rawWidth);
  if (width === undefined)
    throw new HttpError(400, `w must be one of ${IMAGE_WIDTHS.join(', ')}, got "${rawWidth?.slice(0, 20)}"`);
  const rawFormat = url.searchParams.get('format');
  let format: ImageFormat | undefined;
  if (rawFormat === null) {
    const accept = req.headers.accept ?? '';
    format = accept.includes('image/avif') ? 'avif' : accept.includes('image/webp') ? 'webp' : 'jpeg';
    res.setHeader('Vary', 'Accept');
  } else {
    format = IMAGE_FORMATS.find((allowed) => allowed === rawFormat);
    if (!format)
      throw new HttpError(400, `format must be one of ${IMAGE_FORMATS.join(', ')}, got "${rawFormat.slice(0, 20)}"`);
  }

  const etag = images.etagOf(item.id, width, format);
  res.setHeader('Cache-Control', IMMUTABLE);
  res.setHeader('ETag', etag);
  res.setHeader('Content-Type', IMAGE_CONTENT_TYPES[format]);
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304).end();
    return;
  }
  const body = await images.get(item, width, format);
  res.setHeader('Content-Length', body.length);
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : body);
}
