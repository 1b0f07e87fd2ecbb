import type { ODataSchema } from './odata-tree';

/** The schema's own spelling of a field name matched case-insensitively, as ASP.NET OData does. */
export function resolveFieldName(name: string, schema: ODataSchema): string | undefined {
  if (Object.hasOwn(schema, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(schema).find((field) => field.toLowerCase() === lower);
}

/** The message for a name that is not a field of `entityName` (the PBX's own wording). */
export function unknownFieldMessage(name: string, entityName: string): string {
  return `Could not find a property named '${name}' on type '${entityName}'.`;
}
