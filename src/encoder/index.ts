export { encoderRegistry, type Encoder, type EncoderRegistry } from './encoder.js';
