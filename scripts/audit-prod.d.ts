export interface AuditVerdict {
  ok: boolean;
  reachable: boolean;
  message: string;
  counts?: Record<string, number>;
}
export declare function auditVerdict(stdout: string): AuditVerdict;
export declare function exitCode(verdict: AuditVerdict, env: Record<string, string | undefined>): number;
