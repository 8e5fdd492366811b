import type { Model } from '../core/catalog/schema';
import type { Engine } from './engine-api';

/** A catalog (or config private) model by canonical id, through the engine's model index. */
export function findModel(engine: Engine, id: string): Model | undefined {
  return engine.models.get(id) ?? engine.catalog.models.find((m) => m.id === id);
}

/** Every model the engine knows (bundled catalog plus trusted private models), for pickers. */
export function allModels(engine: Engine): Model[] {
  return engine.models.all();
}
