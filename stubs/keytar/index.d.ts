export declare function getPassword(service: string, account: string): Promise<string | null>;
export declare function findPassword(service: string): Promise<string | null>;
export declare function findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
export declare function deletePassword(service: string, account: string): Promise<boolean>;
export declare function setPassword(service: string, account: string, password: string): Promise<void>;
