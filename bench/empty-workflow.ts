/** The baseline: a workflow that does nothing, to measure what a bare start costs on the same server. */
export async function emptyWorkflow(): Promise<void> {}
