// Reuse check: the documented seed request bodies (shared/seeds) must type-check against the TypeScript types
// that openapi-typescript generates from spec/openapi.yaml (generated/batch.d.ts, built by check.sh).
// Compiled with `tsc --noEmit` in strict mode; nothing here runs.
import type { components, operations } from "../generated/batch";

/** The application/json request body type of an operation, by operationId. */
type JsonBody<Id extends keyof operations> = operations[Id] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

type Schemas = components["schemas"];

// 1.1 push campaign create: the documented minimal valid payload.
export const pushCreate: JsonBody<"pushCampaigns_create"> = {
  name: "Test Campaign",
  push_time: "now",
  live: true,
  messages: [
    {
      language: "en",
      title: "Hello!",
      body: "How's it going?",
    },
  ],
};

// 1.1 push campaign update.
export const pushUpdate: JsonBody<"pushCampaigns_update"> = {
  name: "Updated Test Campaign Name",
  live: true,
};

// 1.1 In-App campaign update (same documented body).
export const inAppUpdate: JsonBody<"inAppCampaigns_update"> = {
  name: "Updated Test Campaign Name",
  live: true,
};

// 2.8 campaigns update. The email message is built with its own schema type (EmailMessage, the
// channel_type "email" member of the CampaignMessage discriminated union), then placed in `messages`.
export const emailMessage: Schemas["EmailMessage"] = {
  channel_type: "email",
  subject: "The campaign subject",
  sender_identity_id: "4012",
  reply_to: {
    email_address: "jane.doe@demobatch.com",
  },
  html: "The campaign HTML content",
};

export const campaignsUpdate: JsonBody<"campaigns_update"> = {
  id: "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q",
  campaign: {
    name: "The campaign name",
    state: "RUNNING",
    send_rate: 100000,
    when: {
      local_time: false,
      start_time: "2024-01-24T10:22:00Z",
    },
    targeting: {
      languages: ["fr"],
      regions: ["FR"],
      query: {
        firstname: { $eq: "Jane" },
      },
    },
    messages: [emailMessage],
  },
};

// Strictness probes: each line below MUST fail to compile. If the generated types were too loose
// (e.g. `state` typed as plain string), `@ts-expect-error` itself becomes an error and the check fails.
export const badState: JsonBody<"campaigns_update">["campaign"] = {
  ...campaignsUpdate.campaign,
  // @ts-expect-error "PAUSED" is not a 2.8 campaign state (DRAFT | RUNNING | STOPPED)
  state: "PAUSED",
};

// @ts-expect-error `live` is required by the 1.1 push create body
export const missingLive: JsonBody<"pushCampaigns_create"> = { name: "Test Campaign", messages: [] };
