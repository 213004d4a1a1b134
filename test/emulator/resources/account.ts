/**
 * Changes to the account's setup that the API document has no endpoint for (an admin makes them
 * in the web application): steps, pipelines and lead fields. Tests make them through
 * `emu.admin`; each fires the live API's `account.*` event (channel "live") with the changed
 * row — a step as `GET /steps/{id}` shows it (`id, name, position, pipeline_id, pipeline{…}`).
 */
import type { Emulator } from "../server";
import type { Pipeline, Step } from "../store";
import { FIELDS_TABLE, type Field } from "./fields";

export class AccountAdmin {
  constructor(private readonly emu: Emulator) {}

  private get store() {
    return this.emu.store;
  }

  private emit(name: string, data: unknown): void {
    this.emu.events.emit("live", name, data);
  }

  private step(id: number): Step {
    const step = this.store.steps.get(id);
    if (!step) throw new Error(`no step ${id}`);
    return step;
  }

  private pipeline(id: number): Pipeline {
    const pipeline = this.store.pipelines.get(id);
    if (!pipeline) throw new Error(`no pipeline ${id}`);
    return pipeline;
  }

  /** account.step.created. Without a position, the step goes last in its pipeline. */
  createStep(fields: { name: string; pipeline_id?: number; position?: number }): Step {
    const pipelineId = fields.pipeline_id ?? 25;
    this.pipeline(pipelineId);
    const siblings = [...this.store.steps.values()].filter((s) => s.pipeline_id === pipelineId);
    const time = this.store.now();
    const step: Step = {
      id: this.store.nextId(),
      name: fields.name,
      position: fields.position ?? Math.max(0, ...siblings.map((s) => s.position)) + 1,
      pipeline_id: pipelineId,
      created_at: time,
      updated_at: time,
    };
    this.store.steps.set(step.id, step);
    this.emit("account.step.created", this.store.stepJson(step));
    return step;
  }

  /** account.step.updated (a new name or position). */
  updateStep(id: number, changes: { name?: string; position?: number }): Step {
    const step = this.step(id);
    Object.assign(step, changes, { updated_at: this.store.now() });
    this.emit("account.step.updated", this.store.stepJson(step));
    return step;
  }

  /** account.step.pipeline.updated: the step moves to another pipeline. */
  moveStep(id: number, pipelineId: number): Step {
    const step = this.step(id);
    this.pipeline(pipelineId);
    Object.assign(step, { pipeline_id: pipelineId, updated_at: this.store.now() });
    this.emit("account.step.pipeline.updated", this.store.stepJson(step));
    return step;
  }

  /** account.step.deleted, with the step as it was. */
  deleteStep(id: number): Step {
    const step = this.step(id);
    const json = this.store.stepJson(step);
    this.store.steps.delete(id);
    this.emit("account.step.deleted", json);
    return step;
  }

  /** account.pipeline.updated. */
  updatePipeline(id: number, changes: { name?: string; is_default?: boolean }): Pipeline {
    const pipeline = this.pipeline(id);
    Object.assign(pipeline, changes, { updated_at: this.store.now() });
    this.emit("account.pipeline.updated", { ...pipeline });
    return pipeline;
  }

  private fields() {
    return this.store.table<Field>(FIELDS_TABLE);
  }

  private field(id: number): Field {
    const field = this.fields().get(id);
    if (!field) throw new Error(`no field ${id}`);
    return field;
  }

  /** account.default_field.created: a lead field (its name is what `fields_by_name` shows). */
  createField(fields: { name: string; type?: string; parent_type?: Field["parent_type"] }): Field {
    const parentType = fields.parent_type ?? "lead";
    const siblings = [...this.fields().values()].filter((f) => f.parent_type === parentType);
    const time = this.store.now();
    const field: Field = {
      id: this.store.nextId(),
      name: fields.name,
      type: fields.type ?? "unset",
      parent_type: parentType,
      position: Math.max(0, ...siblings.map((f) => f.position)) + 1,
      is_key: false,
      created_at: time,
      updated_at: time,
    };
    this.fields().set(field.id, field);
    this.emit("account.default_field.created", { ...field });
    return field;
  }

  /** account.default_field.updated. */
  updateField(id: number, changes: { name?: string; type?: string; position?: number }): Field {
    const field = this.field(id);
    Object.assign(field, changes, { updated_at: this.store.now() });
    this.emit("account.default_field.updated", { ...field });
    return field;
  }

  /** account.default_field.deleted, with the field as it was. */
  deleteField(id: number): Field {
    const field = this.field(id);
    this.fields().delete(id);
    this.emit("account.default_field.deleted", { ...field });
    return field;
  }
}
