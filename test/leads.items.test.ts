/** Comments, attachments and action histories of a lead: exact requests and answers. */
import { describe, expect, it } from "vitest";
import { dataRunner, expectSent, useEmulator } from "./helpers";

const emu = useEmulator();

const run = dataRunner(emu);

describe("comments", () => {
  it("List Lead Comments: GET /leads/{lead_id}/comments with the direction", async () => {
    const data = (await run("listLeadComments", { leadId: "8113", direction: "asc" })) as Array<{
      id: number;
    }>;
    expectSent(emu, [{ method: "GET", path: "/leads/8113/comments", query: { direction: "asc" } }]);
    expect(data[0]).toMatchObject({ id: 13834, commented_item: { item: "Lead", id: 8113 } });
  });

  it("Create Lead Comment: POST with content, user_id and activity_id", async () => {
    const data = await run("createLeadComment", {
      leadId: "8112",
      content: "Quote sent.\nFollow up Friday.",
      author: "john.doe@mycompany.com",
      activityId: "3",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads/8112/comments",
        body: {
          content: "Quote sent.\nFollow up Friday.",
          user_id: "john.doe@mycompany.com",
          activity_id: 3,
        },
      },
    ]);
    expect(data).toMatchObject({
      content: "Quote sent.\nFollow up Friday.",
      activity_id: 3,
      user: { id: 515 },
    });
  });

  it("Create Lead Comment sends only the content when nothing else is filled", async () => {
    await run("createLeadComment", { leadId: "8112", content: "Short" });
    expectSent(emu, [{ method: "POST", path: "/leads/8112/comments", body: { content: "Short" } }]);
  });

  it("Update Lead Comment: PUT /leads/{lead_id}/comments/{id} with the new content", async () => {
    const created = (await run("createLeadComment", { leadId: "8112", content: "Draft" })) as {
      id: number;
    };
    emu.clearLog();
    const data = await run("updateLeadComment", {
      leadId: "8112",
      commentId: String(created.id),
      content: "Quote sent on Friday.",
    });
    expectSent(emu, [
      {
        method: "PUT",
        path: `/leads/8112/comments/${created.id}`,
        body: { content: "Quote sent on Friday." },
        status: 200,
      },
    ]);
    expect(data).toMatchObject({ id: created.id, content: "Quote sent on Friday." });
    const listed = (await run("listLeadComments", { leadId: "8112" })) as Array<{ id: number }>;
    expect(listed.find((c) => c.id === created.id)).toMatchObject({
      content: "Quote sent on Friday.",
    });
  });

  it("Update Lead Comment on another lead's comment: 404, nothing changed", async () => {
    await expect(
      run("updateLeadComment", { leadId: "8112", commentId: "13834", content: "Hijack" }),
    ).rejects.toMatchObject({ name: "ApiError", status: 404 });
    expectSent(emu, [{ method: "PUT", path: "/leads/8112/comments/13834", status: 404 }]);
  });

  it("Delete Lead Comment: DELETE /leads/{lead_id}/comments/{id}", async () => {
    const created = (await run("createLeadComment", { leadId: "8112", content: "Oops" })) as {
      id: number;
    };
    emu.clearLog();
    const data = await run("deleteLeadComment", { leadId: "8112", commentId: String(created.id) });
    expectSent(emu, [{ method: "DELETE", path: `/leads/8112/comments/${created.id}` }]);
    expect(data).toEqual({ id: created.id });
  });
});

describe("attachments", () => {
  it("List Lead Attachments: GET /leads/{lead_id}/attachments", async () => {
    const data = (await run("listLeadAttachments", { leadId: "8113" })) as Array<{ kind: string }>;
    expectSent(emu, [{ method: "GET", path: "/leads/8113/attachments" }]);
    expect(data.map((a) => a.kind)).toEqual(["attachment", "freshbooks_estimate"]);
  });

  it("Get Lead Attachment Download URL: GET /leads/{lead_id}/attachments/{id}", async () => {
    const data = await run("getLeadAttachment", { leadId: "8113", attachmentId: "422" });
    expectSent(emu, [{ method: "GET", path: "/leads/8113/attachments/422" }]);
    expect(data).toEqual({ url: expect.stringContaining("You_Dont_Need_a_CRM.pdf") });
  });

  it("Upload Lead Attachment: one multipart field `attachment` with the file name and bytes", async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const data = await run("uploadLeadAttachment", {
      leadId: "8112",
      file: { data: bytes, contentType: "application/pdf" },
      fileName: "quote.pdf",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads/8112/attachments",
        headers: { "content-type": expect.stringMatching(/^multipart\/form-data; boundary=/) },
        parts: [
          {
            name: "attachment",
            filename: "quote.pdf",
            contentType: "application/pdf",
            data: bytes,
          },
        ],
        status: 201,
      },
    ]);
    expect(data).toMatchObject({
      name: "quote.pdf",
      content_type: "application/pdf",
      kind: "attachment",
    });
  });

  it("Upload Lead Attachment takes text and types it from the file name", async () => {
    await run("uploadLeadAttachment", {
      leadId: "8112",
      file: "hello, world",
      fileName: "notes.txt",
    });
    expectSent(emu, [
      {
        method: "POST",
        path: "/leads/8112/attachments",
        parts: [
          {
            name: "attachment",
            filename: "notes.txt",
            contentType: "text/plain",
            data: Buffer.from("hello, world", "utf8"),
          },
        ],
      },
    ]);
  });

  it("Delete Lead Attachment: DELETE /leads/{lead_id}/attachments/{id}", async () => {
    const uploaded = (await run("uploadLeadAttachment", {
      leadId: "8112",
      file: "x",
      fileName: "x.txt",
    })) as { id: number };
    emu.clearLog();
    const data = await run("deleteLeadAttachment", {
      leadId: "8112",
      attachmentId: String(uploaded.id),
    });
    expectSent(emu, [{ method: "DELETE", path: `/leads/8112/attachments/${uploaded.id}` }]);
    expect(data).toEqual({ id: uploaded.id });
  });
});

describe("List Lead Action Histories", () => {
  it("sends every filter in the API's names", async () => {
    const data = (await run("listLeadActionHistories", {
      leadId: "8113",
      from: "2020-01-01",
      to: "2030-01-01 00:00:00",
      actionType: "status_changed",
      actionValue: "standby",
      userIds: ["514", "stef@example.com"],
      direction: "desc",
      limit: "10",
      offset: "0",
    })) as Array<{ action_type: string; action_item: { name: string } }>;
    expectSent(emu, [
      {
        method: "GET",
        path: "/leads/8113/action_histories",
        query: {
          from: "2020-01-01",
          to: "2030-01-01 00:00:00",
          action_type: "status_changed",
          action_value: "standby",
          user_ids: "514,stef@example.com",
          direction: "desc",
          limit: "10",
          offset: "0",
        },
      },
    ]);
    expect(data).toEqual([
      expect.objectContaining({
        action_type: "status_changed",
        action_item: expect.objectContaining({ name: "standby" }),
      }),
    ]);
  });

  it("records what the other lead actions did", async () => {
    const lead = (await run("createLead", {
      title: "History",
      description: "d",
      userId: "514",
    })) as {
      id: number;
    };
    await run("updateLead", {
      leadId: String(lead.id),
      stepId: "1191",
      amount: "5",
      probability: "10",
    });
    emu.clearLog();
    const data = (await run("listLeadActionHistories", { leadId: String(lead.id) })) as Array<{
      action_type: string;
    }>;
    expectSent(emu, [{ method: "GET", path: `/leads/${lead.id}/action_histories`, query: {} }]);
    expect(data.map((h) => h.action_type)).toEqual(["lead_created", "step_changed", "amount_set"]);
  });
});
