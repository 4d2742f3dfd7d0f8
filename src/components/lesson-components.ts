/** Components every lesson may use by name, without importing them. */
import Exercise from './Exercise.astro';
import OsTabs from './OsTabs.astro';
import Quiz from './Quiz.astro';
import BuildCache from './diagrams/BuildCache.astro';
import ContainersVsVms from './diagrams/ContainersVsVms.astro';
import ImageLayers from './diagrams/ImageLayers.astro';
import PortMapping from './diagrams/PortMapping.astro';
import Workspace from './Workspace.astro';

export const lessonComponents = {
  Exercise,
  OsTabs,
  Quiz,
  BuildCache,
  ContainersVsVms,
  ImageLayers,
  PortMapping,
  Workspace,
};
