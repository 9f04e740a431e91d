/** Routes of the organisation: divisions, units, people, posts, 分管. PATCHes need `If-Match`. */
import { z } from 'zod';
import { idParams } from './common.js';
import {
  createPersonBody,
  createPostBody,
  createUnitBody,
  division,
  person,
  personListQuery,
  post,
  postListQuery,
  setAbsenceBody,
  setOverseenUnitsBody,
  unit,
  unitListQuery,
  updatePersonBody,
  updatePostBody,
  updateUnitBody,
} from './org.js';
import { defineRoute } from './route.js';

/** The divisions under one (all top-level ones without `parentCode`). */
const divisionListQuery = z.strictObject({
  parentCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
});

export const orgRoutes = {
  divisions: defineRoute({ method: 'GET', path: '/api/divisions', query: divisionListQuery, response: z.array(division) }),
  units: defineRoute({ method: 'GET', path: '/api/units', query: unitListQuery, response: z.array(unit) }),
  unit: defineRoute({ method: 'GET', path: '/api/units/:id', params: idParams, response: unit }),
  createUnit: defineRoute({ method: 'POST', path: '/api/units', body: createUnitBody, status: 201, response: unit }),
  updateUnit: defineRoute({ method: 'PATCH', path: '/api/units/:id', params: idParams, body: updateUnitBody, response: unit }),
  persons: defineRoute({ method: 'GET', path: '/api/persons', query: personListQuery, response: z.array(person) }),
  person: defineRoute({ method: 'GET', path: '/api/persons/:id', params: idParams, response: person }),
  createPerson: defineRoute({ method: 'POST', path: '/api/persons', body: createPersonBody, status: 201, response: person }),
  updatePerson: defineRoute({ method: 'PATCH', path: '/api/persons/:id', params: idParams, body: updatePersonBody, response: person }),
  setOverseenUnits: defineRoute({
    method: 'PUT',
    path: '/api/persons/:id/overseen-units',
    params: idParams,
    body: setOverseenUnitsBody,
    response: person,
  }),
  setAbsence: defineRoute({ method: 'PUT', path: '/api/persons/:id/absence', params: idParams, body: setAbsenceBody, response: person }),
  clearAbsence: defineRoute({ method: 'DELETE', path: '/api/persons/:id/absence', params: idParams, response: person }),
  posts: defineRoute({ method: 'GET', path: '/api/posts', query: postListQuery, response: z.array(post) }),
  createPost: defineRoute({ method: 'POST', path: '/api/posts', body: createPostBody, status: 201, response: post }),
  updatePost: defineRoute({ method: 'PATCH', path: '/api/posts/:id', params: idParams, body: updatePostBody, response: post }),
};
