/**
 * The conversation's own view of messages, independent of Meta's wire format: inbound turns the webhook parsed,
 * and outbound replies the sender turns into Graph API payloads.
 */
export type InboundContent =
  | { type: 'text'; text: string }
  /** A tap on a list row or a reply button (or a template quick reply): the id we gave it and its title. */
  | { type: 'choice'; id: string; title: string }
  | {
      type: 'media';
      mediaType: 'image' | 'document' | 'audio' | 'video' | 'sticker';
      mediaId: string;
      caption?: string;
      /** As WhatsApp states them: a document attached as the answer to a question must be a PDF. */
      mimeType?: string;
      filename?: string;
    }
  | { type: 'location'; latitude: number; longitude: number }
  /**
   * A voice note, kept in the media bucket, with what the speech service made of it; without a transcript it could
   * not be made out (or no speech service is configured).
   */
  | { type: 'voice'; mediaId: string; transcript?: string }
  /** Anything the conversation cannot act on (reactions, contacts, unsupported, system…). */
  | { type: 'other'; originalType: string };

export interface InboundMessage {
  messageId: string;
  /** The person's key (core/whatsapp/user-key.ts): their phone number when Meta shares it, else their BSUID. */
  waId: string;
  /** Their business-scoped user id, when `waId` is their phone number. */
  userId?: string;
  profileName?: string;
  /** Id of the earlier message this one replies to (a tap on a row of an old menu carries it). */
  contextId?: string;
  /** When the citizen sent it, by Meta's timestamp. */
  sentAt: Date;
  content: InboundContent;
}

/**
 * The approved templates a reply names for when the person's 24-hour window is closed (the sender knows each one's
 * name): a decision's Approve / Reject; an officer's question to a citizen, with Reply; a resolution, with the rating
 * and Reopen (and the officer's photo in the header); a grievance for an officer, with Accept / Transfer; a citizen's
 * answer for the officer, with Ask citizen / Resolve / Transfer. Their quick replies carry the reply's buttons' (or
 * rows') ids.
 */
export type TemplateKey =
  | 'decision'
  | 'grievanceQuestion'
  | 'grievanceResolved'
  | 'grievanceResolvedPhoto'
  | 'grievanceOfficer'
  | 'grievanceAnswer';

/**
 * What a reply becomes outside the 24-hour window: the template named, its body's parameters (the reply's own text
 * when none are given) and, for a template with an image header, the media bucket key of the image; or nothing, when
 * another reply's template carries it (a resolution's photo travels in the header of the resolution's template).
 * A reply without it goes as the plain update template carrying its text.
 */
type ClosedWindow = { template: TemplateKey; parameters?: string[]; image?: string } | { template: 'none' };

interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export type Reply =
  | { type: 'text'; text: string }
  | {
      type: 'list';
      body: string;
      button: string;
      sections: { title: string; rows: ListRow[] }[];
      header?: string;
      footer?: string;
      closedWindow?: ClosedWindow;
    }
  | {
      type: 'buttons';
      body: string;
      buttons: { id: string; title: string }[];
      header?: string;
      footer?: string;
      closedWindow?: ClosedWindow;
    }
  /** WhatsApp's location request: a "Send location" button whose answer is an inbound `location` message. */
  | { type: 'location-request'; body: string }
  /**
   * WhatsApp's order_details message (payments in India): the citizen reviews the order and pays inside WhatsApp
   * through the payment configuration named. `reference` is the order's id, which the payment status webhooks carry.
   * Outside the 24-hour window it cannot go, and `fallback` (the same request with a payment link) goes instead.
   */
  | {
      type: 'order';
      body: string;
      reference: string;
      payment: { gateway: string; configuration: string };
      items: { id: string; name: string; amountPaise: number; quantity: number }[];
      /** When the order stops taking payment (ISO time). */
      expiresAt: string;
      fallback: string;
    }
  /**
   * WhatsApp's order_status message: tells the citizen that the order paid inside WhatsApp moved on (processing
   * once paid, completed once receipted, canceled when refunded), and updates the order's page in WhatsApp.
   */
  | { type: 'order-status'; body: string; reference: string; status: 'processing' | 'completed' | 'canceled' }
  /**
   * A document from the certificate archive; the sender uploads it to Meta and sends it by media id. With `buttons`
   * it goes as reply buttons whose header is the document and whose body is the caption (a ticket with Cancel).
   */
  | {
      type: 'document';
      archiveKey: string;
      filename: string;
      caption: string;
      buttons?: { id: string; title: string }[];
    }
  /**
   * Media a citizen sent, from the media bucket (an application's attachment, for the officer who decides it); the
   * sender uploads it to Meta and sends it by media id, as a photo or a document.
   */
  | {
      type: 'media';
      bucket: 'media';
      key: string;
      mediaType: 'image' | 'document';
      filename?: string;
      caption: string;
      closedWindow?: ClosedWindow;
    }
  /** Mark the citizen's message read and show the typing indicator while the reply is prepared. */
  | { type: 'read-receipt'; messageId: string };
