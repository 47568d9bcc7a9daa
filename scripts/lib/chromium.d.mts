export declare const CHROMIUM_PATH: string;
export declare function assertChromium(): void;
export declare function chromiumArgs(extensionDir: string | undefined, port: number | undefined): string[];
