import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/assistant/index.js';
import type { RegisteredContract, RegistrySnapshot } from '../../../src/registry/index.js';
import { answerFallbackText, buildAnswerBlocks } from '../../../src/slack/blocks/answer-blocks.js';
import { buildHomeView } from '../../../src/slack/blocks/home-view.js';
import { buildTicketModal } from '../../../src/slack/blocks/ticket-modal.js';
import { ACTION, TICKET_FIELD, VIEW } from '../../../src/slack/ids.js';
import type { Ticket } from '../../../src/tickets/index.js';
import { answerMrkdwn, splitText } from '../../../src/slack/mrkdwn.js';

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  intent: 'coverage',
  language: 'en',
  text: 'According to SLA-DESK §4.1 (Opening hours):\n> The desk is open until 22:00 <b>.',
  citations: [
    { contractId: 'SLA-DESK', contractType: 'SLA', supplier: 'HelpPoint', clause: '4.1', heading: '4. Hours › 4.1 Opening hours', quote: 'The desk is open until 22:00 <!channel>.', line: 12 },
  ],
  withheld: [],
  suggestTicket: false,
  mode: 'extractive',
  ...overrides,
});

describe('buildAnswerBlocks', () => {
  it('renders the text, each citation as context, the ticket button and feedback buttons for the recorded answer', () => {
    const blocks = buildAnswerBlocks(answer(), 42);
    expect(blocks.map((block) => block.type)).toEqual(['section', 'context', 'actions', 'context_actions']);
    expect(JSON.stringify(blocks[1])).toContain('*SLA-DESK §4.1* 4. Hours › 4.1 Opening hours');
    expect(blocks[2]).toMatchObject({ elements: [{ action_id: ACTION.openTicket, value: '42' }] });
    expect(blocks[3]).toMatchObject({
      elements: [{ type: 'feedback_buttons', action_id: ACTION.feedback, positive_button: { value: 'up:42' }, negative_button: { value: 'down:42' } }],
    });
  });

  it('escapes contract and user text so it can never mention @channel or inject markup', () => {
    const json = JSON.stringify(buildAnswerBlocks(answer(), 1));
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&lt;b&gt;');
  });

  it('names withheld clauses without any of their text', () => {
    const blocks = buildAnswerBlocks(answer({ withheld: [{ contractId: 'SLA-NET', clause: '11', heading: '11. Penalties' }] }), 1);
    expect(JSON.stringify(blocks)).toContain(':lock: Restricted clause: *SLA-NET §11* 11. Penalties');
  });

  it('highlights the ticket button when a ticket is suggested, and speaks Dutch to Dutch askers', () => {
    const blocks = buildAnswerBlocks(answer({ suggestTicket: true, language: 'nl' }), 1);
    expect(blocks.find((block) => block.type === 'actions')).toMatchObject({ elements: [{ style: 'primary', text: { text: 'Melding maken' } }] });
  });

  it('splits a long answer into sections within Slack limits and never exceeds 50 blocks', () => {
    const long = answer({ text: Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${'word '.repeat(80)}`).join('\n\n') });
    const blocks = buildAnswerBlocks(long, 1);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    expect(blocks.at(-1)?.type).toBe('context_actions');
  });

  it('gives notifications a plain-text fallback with the sources', () => {
    expect(answerFallbackText(answer())).toContain('(SLA-DESK §4.1)');
  });
});

describe('mrkdwn helpers', () => {
  it('keeps our own quote markers while escaping the rest', () => {
    expect(answerMrkdwn('a < b\n> quoted & kept')).toBe('a &lt; b\n> quoted &amp; kept');
  });

  it('splits text at paragraph boundaries', () => {
    const pieces = splitText(`${'a'.repeat(2000)}\n\n${'b'.repeat(2000)}`, 3000);
    expect(pieces).toEqual(['a'.repeat(2000), 'b'.repeat(2000)]);
  });
});

describe('buildTicketModal', () => {
  it('prefills service, priority and the reporter’s words, and carries where it came from', () => {
    const view = buildTicketModal({ service: 'VPN', priority: 'P2', description: 'VPN drops' }, ['Citrix Workspace', 'VPN'], { channel: 'C1', thread: '1.2', turnId: 7 });
    expect(view).toMatchObject({ callback_id: VIEW.ticket, private_metadata: JSON.stringify({ channel: 'C1', thread: '1.2', turnId: 7 }) });
    const json = JSON.stringify(view);
    expect(json).toContain(`"block_id":"${TICKET_FIELD.service}"`);
    expect(view.blocks[0]).toMatchObject({ element: { initial_option: { value: 'VPN' } } });
    expect(view.blocks[1]).toMatchObject({ element: { initial_option: { value: 'P2' } } });
    expect(view.blocks[2]).toMatchObject({ element: { initial_value: 'VPN drops' } });
  });

  it('leaves the service empty rather than guessing one that is not offered', () => {
    const view = buildTicketModal({ service: 'Coffee', description: 'x' }, ['VPN'], {});
    expect(view.blocks[0]).not.toHaveProperty('element.initial_option');
  });
});

describe('buildHomeView', () => {
  const contract = (id: string, type: 'SLA' | 'UC', supplier: string, services: string[]): RegisteredContract => ({
    id, type, supplier, services, language: 'en', underpins: [], targets: {}, contact: { email: 'desk@x.example' },
    supportHours: { default: { spec: 'mon-fri 08:00-18:00', always: false, windows: [] }, byPriority: {}, holidays: 'closed' },
  });
  const registry: RegistrySnapshot = {
    services: [{ name: 'Service Desk', aliases: [] }, { name: 'Citrix Workspace', aliases: [] }],
    contracts: [contract('SLA-DESK', 'SLA', 'HelpPoint', ['Service Desk']), contract('SLA-CITRIX', 'SLA', 'Nimbus', ['Citrix Workspace']), contract('UC-DC', 'UC', 'DC Noord', ['Citrix Workspace'])],
  };

  const ticket: Ticket = {
    id: 'INC-2026-00007', status: 'routed', service: 'VPN', priority: 'P2', description: 'x', reporterId: 'U1',
    origin: { surface: 'slack' }, supplier: 'NetLink', contractId: 'SLA-NET', contractType: 'SLA', underpinning: [],
    explanation: '', createdAt: '', updatedAt: '', routedAt: '', pauses: [],
  };

  it('shows everyone how to get help, the service desk’s hours and their open tickets', () => {
    const json = JSON.stringify(buildHomeView({ isManager: false, registry, today: '2026-06-10', tickets: [ticket] }));
    expect(json).toContain('How to get help');
    expect(json).toContain('Service desk: *HelpPoint* · mon-fri 08:00-18:00');
    expect(json).toContain('*INC-2026-00007* VPN (P2) — routed, with NetLink');
    expect(json).not.toContain('Who is accountable for what');
    expect(json).not.toContain('Experience');
  });

  it('says so when there are no open tickets', () => {
    expect(JSON.stringify(buildHomeView({ isManager: false, registry, today: '2026-06-10', tickets: [] }))).toContain('_No open tickets._');
  });

  it('shows managers the experience figures and who is accountable for what, with the suppliers behind them', () => {
    const json = JSON.stringify(buildHomeView({ isManager: true, registry, today: '2026-06-10', tickets: [], experience: { answers: 40, rated: 10, helpful: 7 } }));
    expect(json).toContain('40 answers given · 10 rated · 70 % helpful');
    expect(json).toContain('*Citrix Workspace*: Nimbus — SLA SLA-CITRIX (behind it: DC Noord)');
  });

  it('gives managers, and only managers, the button that opens the XLA dashboard', () => {
    const dashboardUrl = 'https://sposa.example.org/dashboard?token=abc.1.def';
    const buttons = (isManager: boolean) =>
      buildHomeView({ isManager, registry, today: '2026-06-10', tickets: [], dashboardUrl }).blocks.flatMap((block) =>
        'elements' in block && block.type === 'actions' ? block.elements.filter((element) => 'action_id' in element && element.action_id === ACTION.openDashboard) : []);
    expect(buttons(true)).toEqual([
      { type: 'button', action_id: ACTION.openDashboard, text: { type: 'plain_text', text: 'Open the XLA dashboard' }, url: dashboardUrl, style: 'primary' },
    ]);
    expect(buttons(false)).toEqual([]);
    expect(JSON.stringify(buildHomeView({ isManager: false, registry, today: '2026-06-10', tickets: [], dashboardUrl }))).not.toContain('token=');
    expect(buildHomeView({ isManager: true, registry, today: '2026-06-10', tickets: [] }).blocks.some((block) => block.type === 'actions')).toBe(false);
  });
});
