// The part of web-ext's programmatic API the lint test uses (the package ships no types).
declare module "web-ext" {
  interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  interface LintResult {
    count: number;
    summary: { errors: number; warnings: number; notices: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output?: "json" | "text" | "none"; selfHosted?: boolean },
        options?: { shouldExitProgram?: boolean },
      ): Promise<LintResult>;
    };
  };
  export default webExt;
}
