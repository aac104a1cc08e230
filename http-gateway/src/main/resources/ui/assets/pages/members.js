// How /v1/agent/members describes a node: Tags.role "consul" marks a server (Consul's
// spelling, kept for its clients); Status is Serf's number.
const STATUS = ['none', 'alive', 'leaving', 'left', 'failed'];

export function memberRole(member) {
  if (!member) return 'unknown (not a member)';
  return member.Tags && member.Tags.role === 'consul' ? 'server' : 'client';
}

export function memberStatus(member) {
  if (!member) return 'not a member (catalog only)';
  return STATUS[member.Status] || `unknown (${member.Status})`;
}
