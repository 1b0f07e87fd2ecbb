import type { LegSpec, Party } from './demo-call';
import type { DemoUser } from './demo-company';
import {
  drawRingMs,
  drawTalkMs,
  endedBy,
  extensionParty,
  externalParty,
  pickUser,
  queueParty,
  ringingLeg,
  type ScenarioContext,
  shuffle,
  systemParty,
  userOf,
} from './scenario-context';

/** A fresh outside caller leg source, drawn from the seed's contacts. */
function drawCaller(context: ScenarioContext): Party {
  return externalParty(context, context.random.pick(context.contacts));
}

/** The IVR (digital receptionist) leg: the PBX answers its own menu, as 3CX marks it. */
function ivrLeg(
  context: ScenarioContext,
  startMs: number,
  caller: Party,
  menuMs: number,
  reason: string,
): LegSpec {
  return {
    startMs,
    source: caller,
    destination: systemParty('ivr', context.company.system.ivr),
    actionType: 'routed',
    ringMs: 0,
    talkMs: menuMs,
    answered: true,
    status: 'Answered',
    direction: 'Inbound',
    callType: 'Digital Receptionist',
    reason,
  };
}

/** A leg ringing (and maybe answered by) an extension, from an outside caller. */
function extensionLeg(
  startMs: number,
  caller: Party,
  user: DemoUser,
  ringMs: number,
  talkMs: number,
): LegSpec {
  const destination = extensionParty(user);
  return ringingLeg({
    startMs,
    source: caller,
    destination,
    ringMs,
    talkMs,
    direction: 'Inbound',
    callType: 'Extension',
    endedReason: endedBy(startMs % 2 === 0 ? caller : destination),
    missedReason: 'Not answered',
  });
}

/** After an answered leg: sometimes a transfer to a colleague, rarely a park and pickup. */
function appendTail(context: ScenarioContext, legs: LegSpec[], answeredLeg: LegSpec, caller: Party): void {
  const { random } = context;
  const endMs = answeredLeg.startMs + answeredLeg.ringMs + answeredLeg.talkMs;
  const agent = answeredLeg.destination;
  const roll = random.next();
  if (roll < 0.08) {
    const target = pickUser(context, agent.dn);
    const answered = random.chance(0.85);
    const leg = extensionLeg(
      endMs,
      caller,
      target,
      drawRingMs(random, 3, 15),
      answered ? drawTalkMs(random, 120, 10, 1800) : 0,
    );
    leg.action = agent;
    leg.actionType = answered ? 'ended' : 'notAnswered';
    answeredLeg.actionType = 'transferred';
    answeredLeg.action = leg.destination;
    answeredLeg.reason = `Transferred to ${leg.destination.displayName}`;
    legs.push(leg);
  } else if (roll < 0.1) {
    const park = systemParty('park', context.company.system.park);
    const parkedMs = drawRingMs(random, 10, 60);
    legs.push({
      startMs: endMs,
      source: caller,
      destination: park,
      action: agent,
      actionType: 'parked',
      ringMs: 0,
      talkMs: parkedMs,
      answered: true,
      status: 'Answered',
      direction: 'Inbound',
      callType: 'Extension',
      reason: `Parked by ${agent.displayName}`,
    });
    const picker = pickUser(context, agent.dn);
    const pickup = extensionLeg(endMs + parkedMs, caller, picker, 0, drawTalkMs(random, 150, 10, 1800));
    pickup.action = park;
    pickup.reason = `Picked up from ${park.displayName}`;
    answeredLeg.actionType = 'parked';
    answeredLeg.action = park;
    answeredLeg.reason = `Parked in ${park.displayName}`;
    legs.push(pickup);
  }
}

/** Caller -> IVR -> queue -> agents; answered by an agent, or abandoned while waiting. */
export function generateQueueCall(context: ScenarioContext, startMs: number, answered: boolean): LegSpec[] {
  const { random, company } = context;
  const caller = drawCaller(context);
  const queue = random.chance(0.55) ? company.queues[0]! : company.queues[1]!;
  const queueDn = queueParty(queue);
  const menuMs = drawRingMs(random, 4, 20);
  const ivr = ivrLeg(context, startMs, caller, menuMs, `Routed to ${queue.name}`);
  ivr.action = queueDn;
  const queueStartMs = startMs + menuMs;
  const agents = shuffle(random, queue.agents);
  const agentLegs: LegSpec[] = [];
  let atMs = queueStartMs;
  if (answered) {
    const missedCount = random.chance(0.6) ? 0 : random.chance(0.75) ? 1 : 2;
    for (let index = 0; index < missedCount; index += 1) {
      const ringMs = drawRingMs(random, 10, 20);
      agentLegs.push(extensionLeg(atMs, caller, userOf(context, agents[index]!), ringMs, 0));
      atMs += ringMs;
    }
    const ringMs = drawRingMs(random, 2, 15);
    agentLegs.push(
      extensionLeg(
        atMs,
        caller,
        userOf(context, agents[missedCount]!),
        ringMs,
        drawTalkMs(random, 180, 15, 2400),
      ),
    );
    atMs += ringMs;
  } else {
    const waitEndMs = queueStartMs + Math.round(8000 + 112_000 * random.next() ** 2);
    let index = 0;
    if (random.chance(0.85)) {
      while (atMs < waitEndMs) {
        const ringMs = Math.min(drawRingMs(random, 15, 20), waitEndMs - atMs);
        agentLegs.push(
          extensionLeg(atMs, caller, userOf(context, agents[index % agents.length]!), ringMs, 0),
        );
        atMs += ringMs;
        index += 1;
      }
    }
    atMs = waitEndMs;
  }
  for (const leg of agentLegs) {
    leg.action = queueDn;
  }
  const queueLeg: LegSpec = {
    startMs: queueStartMs,
    source: caller,
    destination: queueDn,
    action: ivr.destination,
    actionType: answered ? 'routed' : 'ended',
    ringMs: atMs - queueStartMs,
    talkMs: 0,
    answered: false,
    status: answered ? 'Waiting' : 'Unanswered',
    direction: 'Inbound Queue',
    callType: 'Queue',
    reason: answered
      ? `Answered by ${agentLegs[agentLegs.length - 1]!.destination.displayName}`
      : endedBy(caller),
  };
  const legs = [ivr, queueLeg, ...agentLegs];
  const last = agentLegs[agentLegs.length - 1];
  if (answered && last) appendTail(context, legs, last, caller);
  return legs;
}

/** Caller hangs up in the IVR menu: only the (answered) IVR leg. A missed call for the report. */
export function generateIvrHangup(context: ScenarioContext, startMs: number): LegSpec[] {
  const caller = drawCaller(context);
  return [ivrLeg(context, startMs, caller, drawRingMs(context.random, 3, 15), endedBy(caller))];
}

/** Out of hours: the IVR plays the closed message and sends the caller to voicemail. */
export function generateClosedCall(context: ScenarioContext, startMs: number): LegSpec[] {
  const { random, company } = context;
  const caller = drawCaller(context);
  const menuMs = drawRingMs(random, 8, 15);
  const voicemail = systemParty('voicemail', company.system.voicemail);
  const ivr = ivrLeg(context, startMs, caller, menuMs, 'Forwarded to voicemail (closed)');
  ivr.action = voicemail;
  return [ivr, voicemailLeg(context, startMs + menuMs, caller)];
}

function voicemailLeg(context: ScenarioContext, startMs: number, caller: Party): LegSpec {
  return {
    startMs,
    source: caller,
    destination: systemParty('voicemail', context.company.system.voicemail),
    actionType: 'ended',
    ringMs: 0,
    talkMs: drawRingMs(context.random, 5, 45),
    answered: true,
    status: 'Answered',
    direction: 'Inbound',
    callType: 'System',
    reason: endedBy(caller),
  };
}

/**
 * A caller dials an extension's direct number: answered, or missed (hung up, or voicemail). The
 * caller is drawn from the contacts unless given (a caller calling again, an anonymous one).
 */
export function generateDirectCall(
  context: ScenarioContext,
  startMs: number,
  answered: boolean,
  givenCaller?: Party,
): LegSpec[] {
  const { random } = context;
  const caller = givenCaller ?? drawCaller(context);
  const user = pickUser(context);
  if (answered) {
    const leg = extensionLeg(
      startMs,
      caller,
      user,
      drawRingMs(random, 3, 20),
      drawTalkMs(random, 150, 10, 2400),
    );
    const legs = [leg];
    appendTail(context, legs, leg, caller);
    return legs;
  }
  const leg = extensionLeg(startMs, caller, user, drawRingMs(random, 15, 30), 0);
  if (!random.chance(0.5)) return [leg];
  leg.status = 'Redirected';
  leg.actionType = 'forwarded';
  leg.action = systemParty('voicemail', context.company.system.voicemail);
  leg.reason = 'Forwarded to voicemail';
  return [leg, voicemailLeg(context, startMs + leg.ringMs, caller)];
}
