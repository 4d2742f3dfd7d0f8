/**
 * Docker's own vocabulary, shared by the output parser, the Dockerfile analysis, the checkers, the
 * simulator and the engine reader: image references, ports, build steps, findings. Pure, and it
 * imports nothing: every other module may use it.
 */
export type { Finding } from './finding.ts';
export {
  bool,
  int,
  list,
  parseFlags,
  reader,
  RUN_FLAGS,
  str,
  type FlagKind,
  type FlagReader,
  type FlagSpec,
  type ParsedFlags,
} from './flags.ts';
export {
  familiarName,
  familiarRef,
  imageName,
  normaliseRef,
  qualifiedRef,
  readReference,
  type ImageName,
  type Reference,
} from './reference.ts';
export { isReference } from './reference-grammar.ts';
export {
  readPortSpec,
  type Port,
  type PortNumbers,
  type PortProtocol,
  type PortSpec,
} from './ports.ts';
export { displayPorts, joinHostPort, portText, readPortsColumn } from './ports-column.ts';
export {
  copiesRequirements,
  copiesSource,
  copiesWholeContext,
  finalStage,
  installs,
  isFrom,
  isInstall,
  isRequirementsCopy,
  isSourceCopy,
  isWorkdir,
  stepLabel,
  stepName,
  stepText,
  type LabelledStep,
} from './steps.ts';
