import type { CleanupRule } from '../rule.ts';
import { firstBelow, textOf } from '../dom.ts';

const EMAIL_INPUT = (el: Element) => el.localName === 'input' && el.getAttribute('type')?.toLowerCase() === 'email';

/** Newsletter, subscription and sign-up boxes. */
export const newsletter: CleanupRule = {
  id: 'newsletter',
  signature:
    /(?:^|[\s_-])(?:newsletters?|subscribe|subscription|signup|sign-up|opt-?in|inline-?cta|paywall|piano|regwall|nl-?signup|email-?capture)(?:$|[\s_-])/i,
  confirm: (el) => textOf(el).length < 600,
  // The sign-up form itself, or the box directly around it (not a sidebar that happens to contain one).
  structural: (el, ctx) => {
    if (ctx.formHolders && !ctx.formHolders.has(el)) return false;
    let form: Element | null = el.tagName === 'FORM' ? el : el.firstElementChild;
    while (form && form.tagName !== 'FORM') form = form.nextElementSibling;
    if (!form) return false;
    const s = ctx.stats?.get(el);
    if (s && s.text > 400) return false;
    return firstBelow(form, EMAIL_INPUT) !== null && textOf(el).length < 400;
  },
  text: /^(?:.{0,120}\b(?:please subscribe|subscribe (?:now|today|to (?:read|continue|view|access))|already a subscriber|become a (?:subscriber|member)|suscríbete|hazte (?:miembro|socio)|jetzt abonnieren|abonnez-vous|consider supporting|support (?:our|independent) (?:work|journalism)|(?:unterstützen sie|helfen sie) (?:uns|unsere arbeit|unabhängigen journalismus)|nur mit ihrer unterstützung|werden sie (?:mitglied|unterstützer)|become a (?:member|supporter)|hágase miembro|apoya (?:nuestro|el) periodismo)\b.{0,160}|(?:sign up|subscribe)(?: now| today)?(?: (?:to|for) .{0,120})?|.{0,120}\b(?:want|like) to (?:be|stay|keep) (?:informed|updated|up to date)\b.{0,80}[?!.] (?:sign up|subscribe)(?: here| now| today)?[.!]?|get (?:our|the) .{0,60}newsletter.{0,120}|.{0,80}\bnewsletter\b.{0,80}(?:sign up|subscribe|inbox).{0,80}|newsletter abonnieren.{0,100}|jetzt abonnieren.{0,100})$/i,
};
