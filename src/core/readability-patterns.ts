/**
 * Readability's own "unlikely candidate" patterns, read from the bundled library (its prototype's REGEXPS)
 * rather than copied: the clean-up's rescue step and the readerable check must judge class and id names exactly
 * as the Readability they run with does, and the content script carries them once.
 */
import { Readability } from '@mozilla/readability';

interface Patterns {
  /** Class/id words that make Readability drop an element before scoring ("comment", "footer", "header"…). */
  unlikelyCandidates: RegExp;
  /** …unless one of these is there too ("article", "content", "main"…). */
  okMaybeItsACandidate: RegExp;
}

export const READABILITY_PATTERNS: Patterns = (Readability.prototype as unknown as { REGEXPS: Patterns }).REGEXPS;
