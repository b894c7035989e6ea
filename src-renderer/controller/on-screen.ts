/** What the person did on this screen, in order, for `z` (see logic/undo-order.ts). */
import { UndoOrder } from '../logic/undo-order';

export const undoOrder = new UndoOrder();
