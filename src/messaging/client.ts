/** Typed senders: the only way views talk to the background and to the content script. */
import { sendToBackground, sendToTab } from '../platform/index.ts';
import type { MessageType, Protocol, Request, Response } from './protocol.ts';

export function request<T extends MessageType>(type: T, payload: Protocol[T]['request']): Promise<Response<T>> {
  const message = { type, ...payload } as Request<T>;
  return sendToBackground<Response<T>>(message);
}

export function requestTab<T extends MessageType>(tabId: number, type: T, payload: Protocol[T]['request']): Promise<Response<T>> {
  const message = { type, ...payload } as Request<T>;
  return sendToTab<Response<T>>(tabId, message);
}
