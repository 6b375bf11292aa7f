// The few error types driehoek throws. Each carries what failed, so a message can name it.

/** Bad input: names the file, line and field. The message is plain Dutch for the user. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null = null,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "InputError";
  }

  /** "bestand.csv, regel 12, veld pleegdatum_begin: ..." */
  describe(): string {
    const where = [
      this.file,
      this.line !== null ? `regel ${this.line}` : null,
      this.field ? `veld ${this.field}` : null,
    ]
      .filter(Boolean)
      .join(", ");
    return `${where}: ${this.message}`;
  }
}

/** The store cannot be used: locked by another process, wrong schema version, unreachable. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly location: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** A request for something the user may not see. Deny by default. */
export class AccessDenied extends Error {
  constructor(
    message: string,
    readonly what: string,
    /** What would have given access: a login with a second factor; null: nothing the user can do. */
    readonly needs: "tweede-factor" | null = null,
  ) {
    super(message);
    this.name = "AccessDenied";
  }
}
