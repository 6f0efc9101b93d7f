/**
 * The popup's entry: starts reading the tab at once (early-read.ts), then loads the interface (main.ts).
 */
import { startReading } from './early-read.ts';

performance.mark('lectern:popup-script');
void startReading().catch(() => undefined); // main.ts takes the same promise and reports its failure
await import('./main.ts');
