// Zod's findings on a file people write, in plain Dutch, one per field: "producten.0.cadans:
// "elke maand" kan niet; kies uit …". Used as the error map of a parse, so schemas only spell out
// messages that say more than these.

import { z } from "zod";

/** One problem in a document, with the field it is about ("" for the document as a whole). */
export interface Problem {
  path: string;
  message: string;
}

const TYPES: Record<string, string> = {
  string: "tekst",
  number: "een getal",
  int: "een heel getal",
  boolean: "true of false",
  array: "een lijst [ … ]",
  object: "een object { … }",
};

const dutchFallback = z.locales.nl().localeError;

/** An error map for `safeParse(…, { error: dutchIssue })`. */
export const dutchIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "ontbreekt" : `moet ${TYPES[issue.expected] ?? issue.expected} zijn`;
    case "invalid_value":
      return `${JSON.stringify(issue.input)} kan niet; kies uit ${issue.values.map((v) => String(v)).join(", ")}`;
    case "too_small":
      if (issue.origin === "array")
        return Number(issue.minimum) === 1 ? "noem er minstens één" : `noem er minstens ${issue.minimum}`;
      if (issue.origin === "string") return "mag niet leeg zijn";
      return `moet minstens ${issue.minimum} zijn`;
    case "too_big":
      if (issue.origin === "array") return `noem er hoogstens ${issue.maximum}`;
      if (issue.origin === "string") return `mag hoogstens ${issue.maximum} tekens lang zijn`;
      return `mag hoogstens ${issue.maximum} zijn`;
    default:
      return dutchFallback(issue);
  }
};

function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** The issues of a failed parse as problems; an unknown field is named as its own path. */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => ({
          path: pathText([...issue.path, k]),
          message: "dit veld kennen we niet (let op hoofdletters en spelling)",
        }))
      : [{ path: pathText(issue.path), message: issue.message }],
  );
}
