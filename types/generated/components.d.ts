import type { Schema, Struct } from '@strapi/strapi';

export interface MediaPhoto extends Struct.ComponentSchema {
  collectionName: 'components_media_photo';
  info: {
    displayName: 'Photo';
    icon: 'picture';
  };
  attributes: {
    altText: Schema.Attribute.String;
    caption: Schema.Attribute.Text;
    credit: Schema.Attribute.String;
    image: Schema.Attribute.Media<'images'> & Schema.Attribute.Required;
    location: Schema.Attribute.String;
  };
}

export interface NavigationChildLink extends Struct.ComponentSchema {
  collectionName: 'components_navigation_child_link';
  info: {
    displayName: 'Child link';
    icon: 'link';
  };
  attributes: {
    href: Schema.Attribute.String & Schema.Attribute.Required;
    label: Schema.Attribute.String & Schema.Attribute.Required;
  };
}

export interface NavigationLink extends Struct.ComponentSchema {
  collectionName: 'components_navigation_link';
  info: {
    displayName: 'Link';
    icon: 'link';
  };
  attributes: {
    children: Schema.Attribute.Component<'navigation.child-link', true>;
    href: Schema.Attribute.String & Schema.Attribute.Required;
    label: Schema.Attribute.String & Schema.Attribute.Required;
  };
}

export interface SharedContact extends Struct.ComponentSchema {
  collectionName: 'components_shared_contact';
  info: {
    displayName: 'Contact';
    icon: 'phone';
  };
  attributes: {
    address: Schema.Attribute.Text;
    email: Schema.Attribute.Email;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
  };
}

export interface SharedFileDownload extends Struct.ComponentSchema {
  collectionName: 'components_shared_file_download';
  info: {
    displayName: 'File download';
    icon: 'download';
  };
  attributes: {
    file: Schema.Attribute.Media<'files' | 'images'> &
      Schema.Attribute.Required;
    label: Schema.Attribute.String & Schema.Attribute.Required;
    language: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 8;
      }>;
  };
}

export interface SharedKeyFigure extends Struct.ComponentSchema {
  collectionName: 'components_shared_key_figure';
  info: {
    displayName: 'Key figure';
    icon: 'chartBubble';
  };
  attributes: {
    label: Schema.Attribute.String & Schema.Attribute.Required;
    qualifier: Schema.Attribute.Enumeration<['exact', 'approx', 'more-than']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'exact'>;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
  };
}

export interface SharedMoney extends Struct.ComponentSchema {
  collectionName: 'components_shared_money';
  info: {
    displayName: 'Money';
    icon: 'priceTag';
  };
  attributes: {
    amount: Schema.Attribute.Decimal &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    currency: Schema.Attribute.Enumeration<
      ['USD', 'JPY', 'EUR', 'CHF', 'KHR']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'USD'>;
  };
}

export interface SharedQuote extends Struct.ComponentSchema {
  collectionName: 'components_shared_quote';
  info: {
    displayName: 'Quote';
    icon: 'quote';
  };
  attributes: {
    person: Schema.Attribute.String;
    role: Schema.Attribute.String;
    text: Schema.Attribute.Text & Schema.Attribute.Required;
  };
}

export interface SharedRichText extends Struct.ComponentSchema {
  collectionName: 'components_shared_rich_text';
  info: {
    displayName: 'Rich text';
    icon: 'align-justify';
  };
  attributes: {
    body: Schema.Attribute.Blocks;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seo';
  info: {
    displayName: 'SEO';
    icon: 'search';
  };
  attributes: {
    metaDescription: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 70;
      }>;
    shareImage: Schema.Attribute.Media<'images'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'media.photo': MediaPhoto;
      'navigation.child-link': NavigationChildLink;
      'navigation.link': NavigationLink;
      'shared.contact': SharedContact;
      'shared.file-download': SharedFileDownload;
      'shared.key-figure': SharedKeyFigure;
      'shared.money': SharedMoney;
      'shared.quote': SharedQuote;
      'shared.rich-text': SharedRichText;
      'shared.seo': SharedSeo;
    }
  }
}
