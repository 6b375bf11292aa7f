// The month navigation of a monthly page: a labelled month picker (GET form) and links to the
// previous and next month. Works without JavaScript.

export interface MonthNavigation {
  /** URL of this page without query; the month form submits here with `maand=YYYY-MM`. */
  action: string;
  /** The chosen month as "YYYY-MM". */
  value: string;
  /** Latest month that can be chosen, "YYYY-MM". */
  max: string;
  previous: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
}

export function MonthNav({ nav }: { nav: MonthNavigation }) {
  return (
    <nav class="dh-month-nav" aria-label="Andere maand kiezen">
      <form method="get" action={nav.action} class="utrecht-form dh-month-form">
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="maand">
              Maand
            </label>
          </div>
          <div class="utrecht-form-field__description utrecht-form-field-description" id="maand-uitleg">
            Jaar en maand, bijvoorbeeld 2024-03
          </div>
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-textbox utrecht-textbox--html-input dh-month-input"
              type="month"
              id="maand"
              name="maand"
              value={nav.value}
              max={nav.max}
              pattern="[0-9]{4}-[0-9]{2}"
              aria-describedby="maand-uitleg"
              required
            />
          </div>
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Toon deze maand
        </button>
      </form>
      <ul class="dh-prev-next">
        {nav.previous ? (
          <li>
            <a class="utrecht-link utrecht-link--html-a" href={nav.previous.href} rel="prev">
              <span aria-hidden="true">← </span>Vorige maand: {nav.previous.label}
            </a>
          </li>
        ) : null}
        {nav.next ? (
          <li>
            <a class="utrecht-link utrecht-link--html-a" href={nav.next.href} rel="next">
              Volgende maand: {nav.next.label}
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
