// What Next.js (the admin, REST, GraphQL) and Payload's CLI (`payload migrate`)
// load: the CMS config from this process's settings. Scripts and tests call
// buildCmsConfig (src/cms/config.ts) with their own options.
import { buildCmsConfig } from './src/cms/config';
import { cmsServerOptions } from './src/cms/config-options';
import { settings } from './src/settings';

export default buildCmsConfig(settings(), cmsServerOptions());
