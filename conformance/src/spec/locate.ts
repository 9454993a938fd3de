import { model } from './model.ts';

/** Line numbers of JSON pointers in the spec files: the spec model's (`specs/model/locate.ts`). */
export const { lineOf, pointerSegments, toPointer } = model;
