import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../shared/schemas/common.js';
import { createCustomerBody, customerPage, customerSchema, listCustomersQuery, updateCustomerBody } from '../../../shared/schemas/customer.js';
import type { Db } from '../../db/client.js';
import { customersPolicy } from './customers.policy.js';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from './customers.service.js';

const tags = ['Customers'];

/** End customers of deals: a light record deduplicated by registrable domain, never a partner. */
export const customersRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const read = { policy: customersPolicy.read };
  const write = { policy: customersPolicy.write };

  app.get(
    '/api/customers',
    { config: read, schema: { tags, summary: 'Search end customers by name or domain', querystring: listCustomersQuery, response: { 200: customerPage } } },
    (req) => listCustomers(db, req.query, req.actor!),
  );
  app.post(
    '/api/customers',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create an end customer',
        description: 'The domain is reduced to its registrable domain (www.shop.muster.ch → muster.ch); one customer per registrable domain (409 on domain otherwise).',
        body: createCustomerBody,
        response: { 201: customerSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createCustomer(db, req.body, req.actor!)),
  );
  app.get('/api/customers/:id', { config: read, schema: { tags, summary: 'Get an end customer', params: uuidParam, response: { 200: customerSchema } } }, (req) =>
    getCustomer(db, req.params.id, req.actor!),
  );
  app.patch(
    '/api/customers/:id',
    { config: write, schema: { tags, summary: 'Correct an end customer', params: uuidParam, body: updateCustomerBody, response: { 200: customerSchema } } },
    (req) => updateCustomer(db, req.params.id, req.body, req.actor!),
  );
};
