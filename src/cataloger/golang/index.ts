export { goBinaryCataloger } from './go-cataloger.js';
export { readBuildInfo, BUILD_INFO_MAGIC, type RawBuildInfo } from './build-info-blob.js';
export { parseModInfo, type GoModInfo, type GoModule } from './mod-info.js';
export { golangPurl, stdlibVersion } from './purl.js';
