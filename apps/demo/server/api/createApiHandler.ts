import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImageStore } from '../catalog/createImageStore.js';
import { HttpError } from '../http/HttpError.js';
import type { NoteStore } from '../notes/createNoteStore.js';
import { getImage } from './imageRoutes.js';
import { getItem, getItemPage } from './itemRoutes.js';
import { deleteNote, getNotesOfItem, putNote } from './noteRoutes.js';
import { allowMethods } from './parseQuery.js';

const READ = ['GET', 'HEAD'] as const;

/** The stores the API serves from. */
export interface ApiContext {
  notes: NoteStore;
  images: ImageStore;
}

/** Routes `/api/*`; throws {@link HttpError} for every refusal, which the server turns into `{ error }`. */
export function createApiHandler({ notes, images }: ApiContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const [, , resource, id, child, ...rest] = url.pathname.split('/');
    const depth = [id, child].filter((segment) => segment !== undefined).length;
    if (rest.length === 0) {
      if (resource === 'items' && depth === 0) {
        allowMethods(req.method, READ);
        return getItemPage(req, res, url);
      }
      if (resource === 'items' && id && depth === 1) {
        allowMethods(req.method, READ);
        return getItem(req, res, id);
      }
      if (resource === 'items' && id && child === 'notes') {
        allowMethods(req.method, READ);
        return getNotesOfItem(req, res, id, notes);
      }
      if (resource === 'images' && id && depth === 1) {
        allowMethods(req.method, READ);
        return getImage(req, res, url, id, images);
      }
      if (resource === 'notes' && id && depth === 1) {
        allowMethods(req.method, ['PUT', 'DELETE']);
        return req.method === 'PUT' ? putNote(req, res, id, notes) : deleteNote(req, res, id, notes);
      }
    }
    throw new HttpError(404, `No API route ${url.pathname}`);
  };
}
