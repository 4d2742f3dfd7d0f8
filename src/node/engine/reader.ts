/**
 * The only calls Layerwise makes to a Docker Engine: all reads. Tests pass a reader built from
 * real captured answers (tests/fixtures/engine/); `dockerodeReader` talks to a real engine.
 * The raw shapes list only the fields we read, all optional: engines leave fields out (Docker 29
 * omits empty Config fields) and a parser of someone else's JSON must not trust it.
 */

export interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  Arch?: string;
  Platform?: { Name?: string };
  Components?: { Name?: string }[];
}

export interface RawImageSummary {
  Id?: string;
  RepoTags?: string[] | null;
  Created?: number;
}

export interface RawImage {
  Id?: string;
  RepoTags?: string[] | null;
  Created?: string;
  Config?: {
    WorkingDir?: string;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    ExposedPorts?: Record<string, unknown> | null;
  } | null;
  RootFS?: { Layers?: string[] | null } | null;
}

export interface RawHistoryRow {
  CreatedBy?: string;
  Size?: number;
}

export interface RawPort {
  IP?: string;
  PrivatePort?: number;
  PublicPort?: number;
  Type?: string;
}

export interface RawContainerSummary {
  Id?: string;
  Names?: string[] | null;
  Image?: string;
  ImageID?: string;
  Command?: string;
  State?: string;
  Status?: string;
  Ports?: RawPort[] | null;
}

export type RawBindings = Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;

export interface RawContainer {
  Id?: string;
  State?: { Status?: string; ExitCode?: number; Error?: string } | null;
  HostConfig?: { PortBindings?: RawBindings } | null;
}

export interface EngineReader {
  version(): Promise<RawVersion>;
  listImages(): Promise<RawImageSummary[]>;
  /** null when the engine has no such image */
  inspectImage(ref: string): Promise<RawImage | null>;
  imageHistory(id: string): Promise<RawHistoryRow[]>;
  listContainers(): Promise<RawContainerSummary[]>;
  inspectContainer(id: string): Promise<RawContainer | null>;
}
