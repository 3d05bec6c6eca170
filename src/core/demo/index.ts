// The demo precinct: a deterministic, streaming generator of realistic fraud reports with their
// ground-truth gangs, for the app's first run (`casegraph demo`) and for evaluating the linking
// engine on labelled corpora.

export { generateDemo } from './generator';
export { DEMO_DEFAULTS, type DemoItem, type DemoOptions } from './options';
export { DEMO_KNOBS } from './knobs';
export { HUB_VALUES } from './hubs';
