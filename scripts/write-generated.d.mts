export function formatSource(text: string, path: string): string;
export function formatGenerated(files: Record<string, string>, dir: string): Record<string, string>;
export function writeGenerated(files: Record<string, string>, dir: string): void;
