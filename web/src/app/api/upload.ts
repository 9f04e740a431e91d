/**
 * Uploads one file as multipart/form-data (field `file`) to a contracts route, reporting progress: the SPA's one
 * XMLHttpRequest, since fetch cannot report upload progress and the JSON client cannot send forms. It adds what every
 * call needs (the UI language, the CSRF header), turns an error answer into the same ApiError the JSON client gives
 * (a 401 signs out), and checks the answer against the route's response schema. Only lazy pages upload, so this file
 * may load the contracts statically (through `upload-errors.ts`).
 */
import type { RouteDef, RouteResponse } from '@luoshi/contracts';
import { currentLocale } from '../i18n/i18n';
import { cachedSession, dropSession } from '../query-client';
import { ApiError } from './api-error';
import { routeUrl, type RouteTarget } from './client';
import { parseJson, uploadError } from './upload-errors';

export type UploadOptions<D extends RouteDef> = RouteTarget<D> & {
  file: File;
  /** Percent of the bytes sent so far (0–100), as the browser reports them. */
  onProgress?: (percent: number) => void;
  /** The last byte is sent; the server is now reading the file. */
  onSent?: () => void;
};

/** Starts the upload; `abort` cancels it (the promise then rejects with a NETWORK error). */
export function uploadFile<D extends RouteDef>(
  route: D,
  options: UploadOptions<D>,
): { promise: Promise<RouteResponse<D>>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<RouteResponse<D>>((resolve, reject) => {
    xhr.open(route.method, routeUrl(route, options));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    const csrfToken = cachedSession()?.csrfToken;
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    const { onProgress, onSent } = options;
    xhr.upload.onprogress = (event) => {
      if (onProgress && event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    if (onSent) xhr.upload.onload = () => onSent();
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'network error' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'aborted' }));
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = uploadError(xhr.status, payload);
        if (xhr.status === 401) dropSession(error.messages);
        reject(error);
        return;
      }
      const result = route.response.safeParse(payload);
      if (!result.success) {
        reject(new ApiError({ status: xhr.status, code: 'BAD_RESPONSE', message: 'response does not match the contract' }));
        return;
      }
      resolve(result.data as RouteResponse<D>);
    };
    const form = new FormData();
    form.append('file', options.file, options.file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
