export type DoctorStatus = "ok" | "warn" | "fail";

export interface DoctorResult {
  name: string;
  status: DoctorStatus;
  detail: string;
  /** One line: what to do about a warn or fail. */
  fix?: string;
}
