export { createElement } from 'react';
export { renderToString } from 'react-dom/server';
export { createMemoryRouter, RouterProvider } from 'react-router';
