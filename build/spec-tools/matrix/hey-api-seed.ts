// Compiled with tsc --strict by generator-matrix.sh against the types @hey-api/openapi-ts generates from the spec:
// the documented 2.8 campaign update body (seed 001) with its email message written inline, once checked as an
// EmailMessage (`satisfies`) and once as a plain literal, as users of generated clients write it.
import type { CampaignUpdateRequest, EmailMessage, PushMessage } from "../out/matrix/hey-api/types.gen";

export const seedUpdate: CampaignUpdateRequest = {
  id: "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q",
  campaign: {
    name: "The campaign name",
    state: "RUNNING",
    send_rate: 100000,
    when: { local_time: false, start_time: "2024-01-24T10:22:00Z" },
    targeting: { languages: ["fr"], regions: ["FR"], query: { firstname: { $eq: "Jane" } } },
    messages: [
      {
        channel_type: "email",
        subject: "The campaign subject",
        sender_identity_id: "4012",
        reply_to: { email_address: "jane.doe@demobatch.com" },
        html: "The campaign HTML content",
      } satisfies EmailMessage,
    ],
  },
};

export const plainInline: CampaignUpdateRequest = {
  id: "orchestration_0664hyh918hr1gnzka9py5t62nrc0e1q",
  campaign: {
    name: "The campaign name",
    state: "RUNNING",
    when: { local_time: false, start_time: "now" },
    messages: [{ channel_type: "email", subject: "The campaign subject", html: "The campaign HTML content" }],
  },
};

// The discriminator narrows: an email message cannot claim the push channel.
// @ts-expect-error channel_type of an EmailMessage is "email"
export const wrongChannel: EmailMessage = { channel_type: "push", subject: "x" };

export const push: PushMessage = { channel_type: "push" };
