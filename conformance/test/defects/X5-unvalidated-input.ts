import { findOperationIn } from './spec-edit.ts';
import { defineDefect } from './fixture.ts';

/**
 * Not a review defect: a mutation that proves contract.invalid-requests. createInterest's request body has no schema
 * in the reference's copy of the spec, so whatever JSON arrives reaches the handler (the original bound requests into
 * a struct and validated nothing).
 */
export default defineDefect({
  id: 'X5',
  slug: 'unvalidated-input',
  reproduces:
    'a mutation: createInterest accepts any JSON body (its request schema removed), as handlers that validate nothing do',
  variant: {
    transformSpec(service, doc) {
      if (service !== 'users') return;
      const content = findOperationIn(doc, 'createInterest').requestBody.content['application/json'];
      content.schema = {};
    },
  },
});
