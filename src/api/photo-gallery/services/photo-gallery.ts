import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::photo-gallery.photo-gallery');
